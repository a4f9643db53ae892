// A header outside the files files mode names: left as written.
#pragma once

inline int untouched_twice(int n) {
  int twice = 2 * n;
  return twice;
}
