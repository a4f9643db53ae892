#pragma once
// The call paths that profiled calls have taken, interned: one node per
// distinct path ("Item:root.child.name"), created the first time a call takes
// it and kept for the rest of the process. A call and each record it makes
// carry only a pointer to their node; the context string is made once per
// path, not once per call. Nodes are shared by all threads and never change
// once published, so a record may be handed over on any thread, and a
// coroutine may carry its node from one thread to another.
//
// A path names at most max_context_names calls (docs/runtime-limits.md):
// deeper, it keeps its outermost calls and the call's own name with
// elided_calls_name between, so that a deep recursion makes a bounded number
// of nodes, each with a bounded string.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

#include "phanos/detail/site.hpp"

namespace phanos::detail {

inline constexpr std::uint32_t max_context_names = 32;
// Stands for the calls left out of a path longer than max_context_names.
inline constexpr const char* elided_calls_name = "[...]";

struct ContextNode {
  const Site* site;
  const ContextNode* parent;  // null for a root
  const char* item;           // the root's item: every record of the tree carries it
  std::uint32_t names;        // in `context`: 1 for a root, at most max_context_names
  std::string context;        // "Item:root.child.name"

  // The first of this node's children; each child links to the next. The
  // list is the one part of a node that changes after it is published.
  mutable std::atomic<ContextNode*> first_child{nullptr};
  ContextNode* next_sibling = nullptr;
};

// The node of a root call of `site`.
const ContextNode& root_node(const Site& site);

// The node of a call of `site` made from within `parent`'s call.
const ContextNode& child_node(const ContextNode& parent, const Site& site);

}  // namespace phanos::detail
