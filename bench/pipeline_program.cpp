// The profiled program of the end-to-end benchmark (run_pipeline_bench.py):
// makes root calls of a profiled function as fast as it can, each one
// record handed over to an AsyncImpProfHandler whose queue holds every
// hand-over of the run, so that nothing is dropped, then destroys the
// handler, which publishes what is still queued. Prints one JSON line of
// what it did, with times on the clock of time.monotonic() in Python
// (CLOCK_MONOTONIC), so that the driver can set them against its own.
//
// Usage: pipeline_program PORT CALLS CONFIRM MAX_MESSAGE_RECORDS
//   CONFIRM: 1 for publisher confirms, 0 without;
//   MAX_MESSAGE_RECORDS: RabbitParams::max_message_records (1: a message per call).

#include <phanos/rabbitmq.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

namespace {

struct Service {
  [[phanos::profile]] std::uint64_t handle(std::uint64_t request) { return request * 3 + 1; }
};

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool parse_count(const char* text, std::uint64_t& value) {
  char* end = nullptr;
  value = std::strtoull(text, &end, 10);
  return *text != '\0' && *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t port = 0, calls = 0, confirm = 0, max_message_records = 0;
  if (argc != 5 || !parse_count(argv[1], port) || !parse_count(argv[2], calls) || !parse_count(argv[3], confirm) ||
      confirm > 1 || !parse_count(argv[4], max_message_records) || max_message_records == 0) {
    std::cerr << "usage: pipeline_program PORT CALLS CONFIRM(0|1) MAX_MESSAGE_RECORDS(>0)\n";
    return 2;
  }
  phanos::Config config;
  config.job = "pipeline_bench";
  phanos::profiler().config(config);
  phanos::RabbitParams params;
  params.port = static_cast<int>(port);
  params.confirm = confirm == 1;
  params.max_message_records = max_message_records;
  params.queue_capacity = calls + 1;  // every hand-over of the run fits: none dropped
  params.drain_timeout = 600;         // what is queued at the end is published, however long it takes
  auto handler = std::make_shared<phanos::AsyncImpProfHandler>("rabbit", params);
  phanos::profiler().add_handler(handler);

  Service service;
  const double first_call = monotonic_seconds();
  for (std::uint64_t i = 0; i < calls; ++i) service.handle(i);
  const double calls_done = monotonic_seconds();
  // The queue was large enough for every call: a drop here means the
  // figures do not describe the run they claim to.
  const std::uint64_t dropped_while_calling = handler->dropped();
  phanos::profiler().delete_handlers();
  handler.reset();  // publishes what is queued (logs what it could not)
  const double drained = monotonic_seconds();

  std::cout << "{\"calls\": " << calls << ", \"records\": " << calls << ", \"dropped\": " << dropped_while_calling
            << ", \"first_call\": " << std::to_string(first_call) << ", \"calls_done\": " << std::to_string(calls_done)
            << ", \"drained\": " << std::to_string(drained) << "}" << std::endl;
  return dropped_while_calling == 0 ? 0 : 1;
}
