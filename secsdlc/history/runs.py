"""Maintaining the `runs` table: runs of consecutive scans that report each finding.

Rebuilding is "gaps and islands" in SQL (window functions, in SQLite >= 3.25 and PostgreSQL):
number a branch's scans in time order, and the position minus the finding's own row number is
constant along a run. The migration that adds the table and the store share this statement.
"""

from __future__ import annotations

# :p and :b select one (project, branch); the migration runs the ALL form over every pair.
_REBUILD = """
WITH s AS (
  SELECT id, project_id, branch,
         ROW_NUMBER() OVER (PARTITION BY project_id, branch ORDER BY scanned_at, id) AS pos
  FROM scans {where}
), o AS (
  SELECT s.project_id AS pid, s.branch AS br, o.finding_id AS fid, s.pos AS pos,
         s.pos - ROW_NUMBER() OVER (
           PARTITION BY s.project_id, s.branch, o.finding_id ORDER BY s.pos
         ) AS island
  FROM occurrences o JOIN s ON s.id = o.scan_id
), isl AS (
  SELECT pid, br, fid, MIN(pos) AS first_pos, MAX(pos) AS last_pos
  FROM o GROUP BY pid, br, fid, island
)
INSERT INTO runs (project_id, branch, finding_id, first_scan_id, last_scan_id)
SELECT isl.pid, isl.br, isl.fid, s1.id, s2.id
FROM isl
JOIN s s1 ON s1.project_id = isl.pid AND s1.branch = isl.br AND s1.pos = isl.first_pos
JOIN s s2 ON s2.project_id = isl.pid AND s2.branch = isl.br AND s2.pos = isl.last_pos
"""

REBUILD_ONE = _REBUILD.format(where="WHERE project_id = :p AND branch = :b")
REBUILD_ALL = _REBUILD.format(where="")
DELETE_ONE = "DELETE FROM runs WHERE project_id = :p AND branch = :b"
