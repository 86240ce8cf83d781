"""CI integrations: what `secsdlc ci github` does around a scan.

The GitHub Action (github-action/action.yml) stays thin YAML; the logic lives here so it is tested:
reading the event, choosing the diff base, the job summary, workflow annotations, step outputs and
the SARIF file uploaded to code scanning.
"""
