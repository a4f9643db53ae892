"""The open-source libraries whose own test suites prove phanos on code
nobody here wrote: Debian 12 source packages, built with their own CMake
and tested with their own tests.

Chosen for what they make the plugin meet: fmt (variadic templates,
constexpr, format errors thrown as exceptions, everything inline in
headers), yaml-cpp (C++11, a class hierarchy, exceptions, recursion,
templates converting nodes), pugixml (one large file of macros, C++98-style
code, a test framework of its own), tinyxml2 (plain C++ classes, a
hand-written test program).
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Library:
    package: str            # the Debian source package (apt-get source)
    cmake_options: tuple    # the library's own options enabling its tests
    test_targets: tuple     # what is built: the library's own test programs
    ctest_regex: str        # the ctest tests of those programs
    checks_passed: str      # regex of the test output line counting what passed (group 1)
    library_files: str      # regex of the source tree's paths of the library itself, not its tests
    # Thresholds about a quarter of what a run records (bench/README.md has
    # the counts): met by the suite exercising the library, failed when the
    # instrumentation misses most of it.
    min_methods: int        # distinct `method:` values the records must have at least
    min_own_functions: int  # distinct functions of library_files the records must name at least
    # More plugin arguments for the instrumented build, e.g. exclude-functions
    # for the functions of an inner loop, as a user would.
    plugin_arguments: tuple = ()


LIBRARIES = {
    "fmtlib": Library(
        package="fmtlib",
        cmake_options=("-DFMT_DOC=OFF", "-DFMT_TEST=ON", "-DFMT_PEDANTIC=ON"),
        # The suite trimmed to the tests of formatting itself (the chrono and
        # core tests alone would double the build).
        test_targets=("format-test", "args-test", "printf-test", "ostream-test", "ranges-test"),
        ctest_regex="^(format|args|printf|ostream|ranges)-test$",
        checks_passed=r"\[  PASSED  \] (\d+) tests?\.",
        library_files=r"^(include|src)/",
        min_methods=800,
        min_own_functions=50,
    ),
    "yaml-cpp": Library(
        package="yaml-cpp",
        cmake_options=("-DYAML_CPP_BUILD_TESTS=ON", "-DYAML_CPP_BUILD_TOOLS=OFF"),
        test_targets=("yaml-cpp-tests",),
        ctest_regex=".",
        checks_passed=r"\[  PASSED  \] (\d+) tests?\.",
        library_files=r"^(include|src)/",
        min_methods=8000,
        min_own_functions=70,
        # The regular-expression matcher runs per character: its tests
        # (RegExTest.OperatorOr matches 128 characters against 8,128 pairs)
        # alone would write over 10 GB of records.
        plugin_arguments=("-fplugin-arg-phanos-exclude-functions=YAML::RegEx::",),
    ),
    "pugixml": Library(
        package="pugixml",
        cmake_options=("-DPUGIXML_BUILD_TESTS=ON",),
        test_targets=("pugixml-check",),
        ctest_regex=".",
        checks_passed=r"Success: (\d+) tests passed\.",
        library_files=r"^src/",
        min_methods=5000,
        min_own_functions=200,
    ),
    "tinyxml2": Library(
        package="tinyxml2",
        cmake_options=("-DBUILD_TESTING=ON",),
        test_targets=("xmltest",),
        ctest_regex=".",
        checks_passed=r"Pass (\d+), Fail 0",
        library_files=r"^tinyxml2\.(cpp|h)$",
        min_methods=2000,
        min_own_functions=100,
    ),
}
