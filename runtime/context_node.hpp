#pragma once
// The call paths that profiled calls have taken, interned: one node per
// distinct path ("Item:root.child.name"), created the first time a call takes
// it and kept for the rest of the process. A call and each record it makes
// carry only a pointer to their node; the context string is made once per
// path, not once per call. Nodes are shared by all threads and never change
// once published, so a record may be handed over on any thread, and a
// coroutine may carry its node from one thread to another.

#include <atomic>
#include <cstddef>
#include <string>

#include "phanos/detail/site.hpp"

namespace phanos::detail {

struct ContextNode {
  const Site* site;
  const ContextNode* parent;  // null for a root
  const char* item;           // the root's item: every record of the tree carries it
  // "Item:root.child.name", kept unless longer than cached_context_limit
  // (a deep recursion would otherwise keep a string per depth, each longer).
  std::string context;

  // The first of this node's children; each child links to the next. The
  // list is the one part of a node that changes after it is published.
  mutable std::atomic<ContextNode*> first_child{nullptr};
  ContextNode* next_sibling = nullptr;
};

inline constexpr std::size_t cached_context_limit = 1024;

// Sets `out` to the node's context string, reusing out's buffer.
void assign_context(const ContextNode& node, std::string& out);

// The node of a root call of `site`.
const ContextNode& root_node(const Site& site);

// The node of a call of `site` made from within `parent`'s call.
const ContextNode& child_node(const ContextNode& parent, const Site& site);

}  // namespace phanos::detail
