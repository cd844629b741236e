"""Named exit codes and the one exception type the CLI turns into a one-line error."""

EXIT_OK = 0
EXIT_INVALID = 1  # validate: some file is invalid or not well-formed
EXIT_USAGE = 2  # bad input, usage or I/O error: nothing could be done with it


class InputError(Exception):
    """Input the command cannot work on. str(error) is the whole one-line message, which
    names the file and the problem; the CLI prints it and exits with EXIT_USAGE."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
