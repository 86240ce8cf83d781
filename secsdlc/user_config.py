"""The user-level configuration: `config.toml` in the user configuration directory
(`$XDG_CONFIG_HOME/secsdlc/`, usually `~/.config/secsdlc/`), outside every repository.

It holds what a repository must never choose, in any mode: the program each scanner runs.

```toml
[scanners.bandit]
executable = "/opt/bandit/bin/bandit"
```

A relative path is read from the directory of this file; `~` is the home directory. The
environment (`SECSDLC_<SCANNER>_EXECUTABLE`, set by a CI job or a shell) comes before it.

The programs it names run with the user's rights, so a file another user owns, or that group or
others may write, is refused (a configuration error), as git refuses a repository another user
owns.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

from secsdlc import fileio
from secsdlc.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FILE_NAME = "config.toml"
MAX_BYTES = 1024 * 1024


def path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("secsdlc", appauthor=False)) / FILE_NAME


@functools.lru_cache(maxsize=4)
def _executables(file: Path) -> dict[str, str]:
    if not file.is_file():
        return {}
    source = str(file)
    _only_the_user_writes(file)
    try:
        doc = tomllib.loads(fileio.read_text(file, "user configuration", limit=MAX_BYTES))
    except fileio.InputError as e:
        raise ConfigError("", "", str(e)) from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(source, "", f"not valid TOML: {e}") from None
    unknown = sorted(set(doc) - {"scanners"})
    if unknown:
        raise ConfigError(source, unknown[0], "unknown key (this file holds only [scanners.NAME] "
                                              "executable)")
    scanners = doc.get("scanners", {})
    if not isinstance(scanners, dict):
        raise ConfigError(source, "scanners", "must be a table of scanners")
    found: dict[str, str] = {}
    for name, table in scanners.items():
        if not isinstance(table, dict) or set(table) - {"executable"}:
            raise ConfigError(source, f"scanners.{name}", "must hold only 'executable'")
        value = table.get("executable")
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(source, f"scanners.{name}.executable", "must be a program's path")
        program = Path(value.strip()).expanduser()
        if not program.is_absolute():
            program = file.parent / program
        found[name] = str(program)
    return found


def _only_the_user_writes(file: Path) -> None:
    if os.name != "posix":
        return
    info = file.stat()
    if info.st_uid not in (os.geteuid(), 0):
        raise ConfigError(str(file), "", "owned by another user: the programs it names would "
                                         "run with your rights (not used)")
    if info.st_mode & 0o022:
        raise ConfigError(str(file), "", "group or others may write it: the programs it names "
                                         "would run with your rights (chmod go-w)")


def executable(name: str) -> str | None:
    """The program the user configured for scanner `name`, if any."""
    return _executables(path()).get(name)


def check() -> None:
    """Read the file now, so a mistake in it is a configuration error (exit 2) naming the file
    and key before any scanner starts."""
    _executables(path())
