"""What the crash tests' child processes share: a counter of "points" that kills the
process with SIGKILL when it reaches the one given on its command line."""

# Python source, run at the top of a child script: defines point() and counted(func), and
# reads KILL_AT (the point at which the child kills itself) from the environment.
KILL_SWITCH = r"""
import os, signal
kill_at = int(os.environ["KILL_AT"])
count = 0

def point(*_args):
    global count
    count += 1
    if count == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

def counted(func):
    def wrapper(*args, **kwargs):
        point()
        result = func(*args, **kwargs)
        point()
        return result
    return wrapper
"""
