"""Maintaining the `runs` table: runs of consecutive scans that report each finding.

Rebuilding is "gaps and islands" in SQL (window functions, SQLite >= 3.28 and PostgreSQL):
number a branch's scans in time order, and the position minus the finding's own row number is
constant along a run; the run's first and last scans come from windows over it, not from joins
(PostgreSQL's planner, misled by the aggregate's estimate, made those joins quadratic).
The migration that adds the table and the store share this statement.
"""

from __future__ import annotations

# :p and :b select one (project, branch); the ALL form covers every pair. An incomplete scan
# (a failed run) says nothing about any finding: it neither extends nor ends a run.
_REBUILD = """
WITH s AS (
  SELECT id, project_id, branch,
         ROW_NUMBER() OVER (PARTITION BY project_id, branch ORDER BY scanned_at, id) AS pos
  FROM scans {where}
), o AS (
  SELECT s.project_id AS pid, s.branch AS br, o.finding_id AS fid, s.id AS sid, s.pos AS pos,
         s.pos - ROW_NUMBER() OVER (
           PARTITION BY s.project_id, s.branch, o.finding_id ORDER BY s.pos
         ) AS island
  FROM occurrences o JOIN s ON s.id = o.scan_id
), isl AS (
  SELECT DISTINCT pid, br, fid, island,
         FIRST_VALUE(sid) OVER w AS first_sid, LAST_VALUE(sid) OVER w AS last_sid
  FROM o
  WINDOW w AS (PARTITION BY pid, br, fid, island ORDER BY pos
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
INSERT INTO runs (project_id, branch, finding_id, first_scan_id, last_scan_id)
SELECT pid, br, fid, first_sid, last_sid FROM isl
"""

REBUILD_ONE = _REBUILD.format(where="WHERE complete AND project_id = :p AND branch = :b")
REBUILD_ALL = _REBUILD.format(where="WHERE complete")
# for the migration that creates the runs, when every scan was complete
REBUILD_BEFORE_0005 = _REBUILD.format(where="")
DELETE_ONE = "DELETE FROM runs WHERE project_id = :p AND branch = :b"
