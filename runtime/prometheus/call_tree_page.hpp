#pragma once
// GET /: the call-tree page, one HTML document with its style and script
// inline (no network needed). Its sources are page/call-tree.{html,css,js};
// page/embed_page.cmake puts them together into the build's
// call_tree_page.cpp.

#include <string_view>

namespace phanos::prometheus {

std::string_view call_tree_page();

}  // namespace phanos::prometheus
