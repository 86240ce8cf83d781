from .runner import run


class GitMirror:
    """A remote repository mirrored onto the build hosts."""

    def __init__(self, repo_url: str):
        self.repo_url = repo_url

    def heads(self) -> str:
        return run(f"git ls-remote --heads {self.repo_url}")
