"""Syntax highlighting, either through the pygmentize command or the library."""
import subprocess

from pygments import highlight as pyg_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from .config import settings

ALLOWED_LEXERS = ("text", "python", "javascript", "go", "rust", "bash", "sql", "json", "yaml", "html", "css", "c", "cpp")
DEFAULT_STYLE = "friendly"


def pygmentize(code: str, lexer: str, style: str = DEFAULT_STYLE) -> str:
    cmd = f"{settings.pygmentize} -l {lexer} -f html -O style={style},noclasses=True"
    proc = subprocess.run(cmd, shell=True, input=code, capture_output=True, text=True, timeout=10)
    return proc.stdout


def highlight_html(code: str, language: str) -> str:
    try:
        lexer = get_lexer_by_name(language)
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    return pyg_highlight(code, lexer, HtmlFormatter(noclasses=True))
