"""What the crash tests share: a failed check, and timing a run that may be killed."""

import os
import random
import statistics
import sys
import time


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def recent_median(times):
    """A whole run's time: the median of the last runs measured (the machine is shared, and
    its load comes and goes)."""
    return statistics.median(times[-7:])


def run_until(process, delay):
    """Waits `delay` seconds or until the process ends; returns the time it took if it did."""
    started = time.monotonic()
    while time.monotonic() - started < delay:
        if process.poll() is not None:
            return time.monotonic() - started
        time.sleep(0.002)
    return None if process.poll() is None else time.monotonic() - started


def seeded_random():
    """A random generator whose seed is printed: KINDLY_CRASH_SEED=N repeats a run."""
    seed = int(os.environ.get("KINDLY_CRASH_SEED", time.time_ns() % 1000000))
    print("seed %d (KINDLY_CRASH_SEED=%d repeats this run)" % (seed, seed))
    return random.Random(seed)


def run(main):
    """Runs a crash test's main(): exit status 0 when it passes, 1 naming the failed check."""
    try:
        sys.exit(main())
    except Failure as failure:
        print("FAILED: %s" % failure)
        sys.exit(1)
