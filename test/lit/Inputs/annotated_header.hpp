// A header that annotates a function without including phanos.
#pragma once
[[phanos::profile]] inline int helper() { return 1; }
