// fork() inside a profiled call: the child finishes the call as its own and
// hands over only what it recorded itself (the records waiting at the fork
// are the parent's, which hands them over). A RabbitMQ handler inherited by
// the child publishes nothing on the parent's connection: it drops (and
// counts) the child's messages, and does not wait at exit for a publishing
// thread that the child does not have. Forking while another thread writes
// records does not leave the child waiting for that thread's lock.
// RUN: %phanos_cxx -Xclang -verify %s %phanos_link %phanos_rabbitmq_link -o %t
// RUN: %t | FileCheck %s --implicit-check-not warning:
// expected-no-diagnostics

#include <phanos/rabbitmq.hpp>

#include "profile_to_stdout.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <sstream>
#include <thread>

[[phanos::profile]] int before_fork() { return 1; }
[[phanos::profile]] int in_child() { return 2; }
[[phanos::profile]] int after_child() { return 3; }

void wait_for(pid_t child) {
  int status = 0;
  waitpid(child, &status, 0);
  std::cout << "child exited with " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1) << "\n";
}

[[phanos::profile]] void serve() {
  before_fork();
  const pid_t child = fork();
  if (child == 0) {
    in_child();
    return;
  }
  wait_for(child);
  after_child();
}

[[phanos::profile]] int busy_work() { return 4; }

int main() {
  profile_to_stdout();
  std::cout.flush();
  const pid_t parent = getpid();
  serve();
  if (getpid() != parent) return 0;
  // CHECK: method: outside_main_fork:serve.in_child, value:
  // CHECK-NEXT: method: outside_main_fork:serve, value:
  // CHECK-NEXT: child exited with 0
  // CHECK-NEXT: method: outside_main_fork:serve.before_fork, value:
  // CHECK-NEXT: method: outside_main_fork:serve.after_child, value:
  // CHECK-NEXT: method: outside_main_fork:serve, value:

  phanos::RabbitParams unreachable;
  unreachable.port = 1;  // refused: the parent's messages wait in the queue
  unreachable.drain_timeout = 0;
  auto rabbit = std::make_shared<phanos::AsyncImpProfHandler>("rabbit", unreachable);
  phanos::profiler().add_handler(rabbit);
  // A second thread keeps the stream handlers' lock busy while the main
  // thread forks children that write records themselves.
  std::ostringstream elsewhere;
  phanos::profiler().add_handler(std::make_shared<phanos::StreamHandler>("elsewhere", elsewhere));
  phanos::profiler().delete_handler("stdout");
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    while (!stop) busy_work();
  });
  int children_done = 0;
  for (int i = 0; i < 50; ++i) {
    const pid_t child = fork();
    if (child == 0) {
      const std::uint64_t dropped_before = rabbit->dropped();
      busy_work();
      _exit(rabbit->dropped() == dropped_before + 1 ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ++children_done;
  }
  stop = true;
  writer.join();
  std::cout << children_done << " children wrote and dropped their records\n";
  // CHECK-NEXT: 50 children wrote and dropped their records
}
