#!/bin/sh
# The tree is formatted with .clang-format (the lit tests excepted, see
# test/lit/.clang-format): lists every file clang-format would change, with
# its first difference, and fails if there is one. Fix with
#   git ls-files '*.cpp' '*.hpp' '*.h' | xargs CLANG_FORMAT -i
#
# Usage: check_format.sh CLANG_FORMAT SOURCE_DIR
set -u
clang_format=$1
cd "$2" || exit 2
status=0
for file in $(git ls-files '*.cpp' '*.hpp' '*.h'); do
  if ! "$clang_format" --dry-run --Werror "$file" 2>/tmp/phanos-format.$$; then
    head -n 3 /tmp/phanos-format.$$
    status=1
  fi
done
rm -f /tmp/phanos-format.$$
[ "$status" -eq 0 ] && echo "every file is formatted"
exit "$status"
