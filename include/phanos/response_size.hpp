#pragma once
// The former name of phanos/result_size.hpp, kept so that includes of it
// still compile. Its trait is phanos::result_size<T> (a name that does not
// differ only by case from the metric phanos::ResponseSize); specialisations
// of its first name, phanos::response_size<T>, keep working.

#include "phanos/result_size.hpp"
