from tests.flow.conftest import cell_file  # noqa: F401  (the twelve-member cell)
