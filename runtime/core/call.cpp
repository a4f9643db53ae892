#include "phanos/call.hpp"

#include "context_node.hpp"

namespace phanos {

std::string_view Call::context() const noexcept {
  // Hooks run only for tracked calls, which have a node.
  const detail::ContextNode* node = scope_.node();
  return node != nullptr ? std::string_view(node->context) : std::string_view();
}

}  // namespace phanos
