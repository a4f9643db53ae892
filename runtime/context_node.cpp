#include "context_node.hpp"

#include <cstring>

namespace phanos::detail {
namespace {

// Children are only ever added, with a compare-and-swap on the list head,
// so lookups take no lock and a node's address never changes.
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
    if (created == nullptr) {
      created = new ContextNode{&site, parent_of_new, parent_of_new ? parent_of_new->item : site.item, {}};
      if (parent_of_new == nullptr || !parent_of_new->context.empty()) {
        std::string context = parent_of_new ? parent_of_new->context + '.' : std::string(site.item) + ':';
        context += site.name;
        // A root's is always kept: the walk in assign_context() stops there.
        if (parent_of_new == nullptr || context.size() <= cached_context_limit) {
          created->context = std::move(context);
        }
      }
    }
    created->next_sibling = head;
    searched_up_to = head;
    if (parent.first_child.compare_exchange_weak(head, created, std::memory_order_acq_rel,
                                                 std::memory_order_acquire)) {
      return *created;
    }
    // `head` now holds the newer list: only its new part needs a look.
  }
}

// Never destroyed: nodes outlive every thread and static destructor that
// might still make a profiled call.
const ContextNode& roots() {
  static auto* holder = new ContextNode{nullptr, nullptr, "", {}};
  return *holder;
}

}  // namespace

void assign_context(const ContextNode& node, std::string& out) {
  if (!node.context.empty()) {
    out.assign(node.context);
    return;
  }
  // Past the cached ancestor, names are appended outermost first.
  const ContextNode* cached = &node;
  while (cached->context.empty()) cached = cached->parent;
  out.assign(cached->context);
  const std::size_t start = out.size();
  std::size_t length = 0;
  for (const ContextNode* n = &node; n != cached; n = n->parent) length += 1 + std::strlen(n->site->name);
  out.resize(start + length);
  std::size_t end = out.size();
  for (const ContextNode* n = &node; n != cached; n = n->parent) {
    const std::size_t name_length = std::strlen(n->site->name);
    end -= name_length;
    out.replace(end, name_length, n->site->name);
    out[--end] = '.';
  }
}

const ContextNode& root_node(const Site& site) { return find_or_add_child(roots(), site, nullptr); }

const ContextNode& child_node(const ContextNode& parent, const Site& site) {
  return find_or_add_child(parent, site, &parent);
}

}  // namespace phanos::detail
