#include "context_node.hpp"

namespace phanos::detail {
namespace {

// A path beyond the bound keeps at least its root and its own name.
static_assert(max_context_names >= 3);

// The node that stands for the calls a path too long leaves out. It is
// never a call's node: its children are.
constexpr Site elided_calls_site{elided_calls_name, "", elided_calls_name, "", 0};

ContextNode* new_node(const ContextNode* parent, const Site& site) {
  if (parent == nullptr) {
    return new ContextNode{&site, nullptr, site.item, 1, std::string(site.item) + ':' + site.name};
  }
  return new ContextNode{&site, parent, parent->item, parent->names + 1, parent->context + '.' + site.name};
}

// Children are only ever added, with a compare-and-swap on the list head,
// so lookups take no lock and a node's address never changes. A null
// `parent_of_new` makes a root (the list is then the roots').
const ContextNode& find_or_add_child(const ContextNode& parent, const Site& site, const ContextNode* parent_of_new) {
  ContextNode* head = parent.first_child.load(std::memory_order_acquire);
  ContextNode* searched_up_to = nullptr;
  ContextNode* created = nullptr;
  for (;;) {
    for (ContextNode* node = head; node != searched_up_to; node = node->next_sibling) {
      if (node->site == &site) {
        delete created;  // another thread added the same path first
        return *node;
      }
    }
    if (created == nullptr) created = new_node(parent_of_new, site);
    created->next_sibling = head;
    searched_up_to = head;
    if (parent.first_child.compare_exchange_weak(head, created, std::memory_order_acq_rel, std::memory_order_acquire)) {
      return *created;
    }
    // `head` now holds the newer list: only its new part needs a look.
  }
}

const ContextNode& find_or_add_child(const ContextNode& parent, const Site& site) {
  return find_or_add_child(parent, site, &parent);
}

// Never destroyed: nodes outlive every thread and static destructor that
// might still make a profiled call.
const ContextNode& roots() {
  static auto* holder = new ContextNode{nullptr, nullptr, "", 0, {}};
  return *holder;
}

// Where the children of a node with max_context_names names go: under the
// elision node that replaces all but the outermost max_context_names - 2
// names, so a child keeps those, "[...]" and its own name. A child of a
// child of the elision node goes there too: it is as deep or deeper.
const ContextNode& parent_beyond_bound(const ContextNode& full) {
  if (full.parent->site == &elided_calls_site) return *full.parent;
  return find_or_add_child(*full.parent->parent, elided_calls_site);
}

}  // namespace

const ContextNode& root_node(const Site& site) { return find_or_add_child(roots(), site, nullptr); }

const ContextNode& child_node(const ContextNode& parent, const Site& site) {
  if (parent.names < max_context_names) return find_or_add_child(parent, site);
  return find_or_add_child(parent_beyond_bound(parent), site);
}

}  // namespace phanos::detail
