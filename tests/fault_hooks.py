"""Loaded into a test worker with `--include tests.fault_hooks`: stalls the first run of a
proposal task, so a test can kill the worker while the task is in flight."""

import os
import time
from pathlib import Path
from typing import Any

from celery.signals import task_prerun


@task_prerun.connect
def _stall_the_first_attempt(task: Any = None, **kwargs: Any) -> None:
    flag = os.environ.get("REBOUND_STALL_FLAG")
    if not flag or not task.name.endswith("propose_followups_task") or Path(flag).exists():
        return
    # The flag says "in flight" and names the process to kill: the pool's child.
    Path(flag).write_text(str(os.getpid()))
    time.sleep(60)
