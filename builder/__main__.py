"""Run the command line as `python -m builder`."""

from .cli import run

if __name__ == "__main__":  # worker processes import this module too; they must not run it
    run()
