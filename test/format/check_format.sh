#!/bin/sh
# The tree is formatted with .clang-format (the lit tests excepted, see
# test/lit/.clang-format): clang-format names every place it would change
# and the check fails if there is one. Fix with
#   git ls-files '*.cpp' '*.hpp' '*.h' | xargs CLANG_FORMAT -i
#
# Usage: check_format.sh CLANG_FORMAT SOURCE_DIR
set -u
clang_format=$1
cd "$2" || exit 2
# One process for every file: one per file takes a minute.
git ls-files -z '*.cpp' '*.hpp' '*.h' | xargs -0 "$clang_format" --dry-run --Werror || exit 1
echo "every file is formatted"
