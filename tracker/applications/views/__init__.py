"""The applications web layer, a module per page: board.py (the dashboard's columns and
moves), table.py (filters, sort, bulk actions), application.py (adding, editing, moving
and rejecting one application) and people.py (its contacts, interviews and notes). All
of them are thin: the services write, the selectors read; urls.py names every route."""
