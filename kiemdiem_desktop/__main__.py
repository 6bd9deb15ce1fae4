"""Entry: without a subcommand the window opens (gui.app.run) without loading the command line's
parser and services; with one, cli.main() handles it (CLI.md)."""
import sys


def _window_args(argv: list[str]) -> dict | None:
    """``[--db PATH] [--exit-when-shown]`` and nothing else: the window's own arguments; else None."""
    out: dict = {"db": None, "exit_when_shown": False}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--exit-when-shown":
            out["exit_when_shown"] = True
        elif a == "--db" and i + 1 < len(argv):
            out["db"] = argv[i + 1]
            i += 1
        elif a.startswith("--db=") and len(a) > 5:
            out["db"] = a[5:]
        else:
            return None
        i += 1
    return out


def main() -> int:
    if sys.argv[1:] == ["--render-worker"]:     # build_documents' second process (documents/render_worker.py)
        from .documents.render_worker import serve

        return serve()
    window = _window_args(sys.argv[1:])
    if window is not None:
        # The window's Qt-free half is loaded before PySide6 (PySide6 reads the source of every module
        # imported after it, looking for its feature switches), and the file named on the command line
        # starts opening on its own thread while PySide6 loads.
        from .gui.screen import no_screen
        from .services import CellFile

        opening = None
        if window["db"] and not no_screen():
            opening = CellFile.open_in_background(window["db"], create=True)
        from .gui.app import run

        return run(**window, opening=opening)
    from .cli import main as cli_main

    code = cli_main()
    # The command is done and has closed its files: the interpreter's clean-up need not search what
    # the command left for cycles of garbage (after gc.freeze() the objects alive now are never
    # collected again; everything is still released when the process ends). Those final
    # collections were about a tenth of a `kiemdiem minutes` (25 ms of 280 for 40 members).
    import gc

    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(main())
