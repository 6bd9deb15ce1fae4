"""documents/reportlab_first.py: reportlab.platypus.paragraph loaded with its URI pattern compiled
on first use; once used it splits URIs exactly as reportlab's own pattern does."""
import subprocess
import sys

from tests.helpers import ROOT

_CHILD = r"""
import re
import kiemdiem_desktop.documents.base  # noqa: F401 - loads reportlab.platypus as every document does
from reportlab.platypus import paragraph

print(type(paragraph.uri_pat) is re.Pattern)
uris = ["https://example.com/a/b/c", "www.thuvienphapluat.vn/van-ban/quy-dinh-366", "C:\\thu muc\\tep.pdf",
        "ftp://user:pw@10.0.0.1:21/x", "không phải địa chỉ", "http://xn--bcher-kva.ch/", "localhost/a"]
print([paragraph._uri_split_pairs(u) for u in uris])
own = re.compile(paragraph.uri_pat.pattern, paragraph.uri_pat.flags)
paragraph.uri_pat = own
print([paragraph._uri_split_pairs(u) for u in uris])
"""


def test_uri_pattern_compiled_on_use_splits_as_reportlab():
    r = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, cwd=str(ROOT), check=True)
    lazy_loaded, ours, reportlabs = r.stdout.splitlines()
    assert lazy_loaded == "False"          # not compiled at import
    assert ours == reportlabs and "example.com" in ours


def test_re_compile_left_as_it_was():
    r = subprocess.run([sys.executable, "-c", "import re; c = re.compile\n"
                        "import kiemdiem_desktop.documents.base\nprint(re.compile is c)"],
                       capture_output=True, text=True, cwd=str(ROOT), check=True)
    assert r.stdout.strip() == "True"
