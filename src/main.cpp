// perf-check entry point: everything happens in cli::main.
#include "cli/cli.hpp"

int main(int argc, char** argv) { return perf_check::cli::main(argc, argv); }
