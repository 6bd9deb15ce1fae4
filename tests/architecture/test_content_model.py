"""Every document's content is built without a renderer: the content model and the builders of the
documents that use it import neither reportlab nor python-docx; only render_pdf.py and
render_docx.py do, and render.py imports them when a file of that kind is written."""
import subprocess
import sys

import pytest

RENDERER_FREE = [
    "kiemdiem_desktop.documents.text",
    "kiemdiem_desktop.documents.content",
    "kiemdiem_desktop.documents.render",
    "kiemdiem_desktop.documents.minutes",
    "kiemdiem_desktop.documents.committee_notice",
    "kiemdiem_desktop.documents.committee_report",
    "kiemdiem_desktop.documents.summary",
    "kiemdiem_desktop.documents.year_summary",
    "kiemdiem_desktop.documents.chair_script",
]


@pytest.mark.parametrize("module", RENDERER_FREE)
def test_content_builder_imports_no_renderer(module):
    code = (f"import sys, {module}\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'docx'))\n"
            "print(' '.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"{module} imports a renderer library at import: {out}"


def test_the_renderers_are_where_the_libraries_are():
    code = ("import sys, kiemdiem_desktop.documents.render_pdf, kiemdiem_desktop.documents.render_docx\n"
            "print('reportlab' in sys.modules, 'docx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True"]
