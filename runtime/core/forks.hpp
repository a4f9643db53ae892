#pragma once
// fork() copies the runtime into the child with only the forking thread:
// another thread's locks, connections and threads are the parent's.
//
// The runtime's own locks are taken before every fork() and released after
// it, in the parent and in the child, so no other thread holds one in the
// child (forks.cpp, in the order in which code nests them). Objects that own
// a connection or a thread note forks_of_this_process() when they are made
// and, in a child (where it has grown), leave what they inherited alone.

#include <cstdint>

namespace phanos::detail {

// How many fork()s lie between the process that loaded the runtime and
// this one: 0 there, 1 in its children, and so on.
std::uint64_t forks_of_this_process() noexcept;

// The locks, defined by the files that own them.
void lock_registry_writer();  // registry.cpp
void unlock_registry_writer();
void lock_shared_cells();  // shared_cell.cpp
void unlock_shared_cells();
void lock_shared_records();  // waiting_records.cpp
void unlock_shared_records();
void lock_stream_output();  // handlers/stream_handler.cpp
void unlock_stream_output();

}  // namespace phanos::detail
