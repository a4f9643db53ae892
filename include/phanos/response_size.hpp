#pragma once
// The former name of phanos/result_size.hpp, kept so that includes of it
// still compile. Its trait, phanos::response_size<T>, is now
// phanos::result_size<T> (its name no longer differs only by case from the
// metric phanos::ResponseSize): specialise that one.

#include "phanos/result_size.hpp"
