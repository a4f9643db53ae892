// A profiled program that keeps working while the broker misbehaves: it
// calls a profiled function in a loop, times each call (the hand-over to
// the handler included, as the program feels it), and ends with its own
// output and exit code (3), which the fault tests check survived.
//
// Usage: fault_program sync|async PORT JOB [key=value...]
//   calls=N          stop after N calls (default: run until stop_file exists)
//   stop_file=PATH   stop when this file exists
//   interval_ms=N    pause between calls (default 20)
//   host=, password=, vhost=, timeout=, capacity=, drain=   RabbitParams
//   records_per_message=N   RabbitParams::max_message_records
//   ssl=true, ssl_ca=, ssl_cert=, ssl_key=, ssl_verify_peer=false, ssl_verify_hostname=false

#include <phanos/rabbitmq.hpp>

#include <sys/stat.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>

struct Worker {
  [[phanos::profile]] int step(int i) { return i % 7; }
};

namespace {

bool exists(const std::string& path) {
  struct stat info;
  return !path.empty() && ::stat(path.c_str(), &info) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: fault_program sync|async PORT JOB [key=value...]\n";
    return 2;
  }
  const std::string mode = argv[1];
  std::map<std::string, std::string> options;
  for (int i = 4; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto eq = arg.find('=');
    options[arg.substr(0, eq)] = eq == std::string::npos ? "" : arg.substr(eq + 1);
  }
  auto option = [&](const char* key, const std::string& fallback) {
    const auto found = options.find(key);
    return found == options.end() ? fallback : found->second;
  };

  phanos::RabbitParams params;
  params.host = option("host", params.host);
  params.port = std::atoi(argv[2]);
  params.ssl = option("ssl", "false") == "true";
  params.ssl_ca = option("ssl_ca", "");
  params.ssl_cert = option("ssl_cert", "");
  params.ssl_key = option("ssl_key", "");
  params.ssl_verify_peer = option("ssl_verify_peer", "true") == "true";
  params.ssl_verify_hostname = option("ssl_verify_hostname", "true") == "true";
  params.password = option("password", params.password);
  params.vhost = option("vhost", params.vhost);
  params.confirm = option("confirm", "0") == "1";
  // hosts=h1:p1,h2:p2: the nodes of a cluster, in place of PORT.
  for (std::string nodes = option("hosts", ""); !nodes.empty();) {
    const auto comma = nodes.find(',');
    params.hosts.push_back(nodes.substr(0, comma));
    nodes = comma == std::string::npos ? "" : nodes.substr(comma + 1);
  }
  params.timeout = std::atof(option("timeout", std::to_string(params.timeout)).c_str());
  params.queue_capacity = std::strtoul(option("capacity", std::to_string(params.queue_capacity)).c_str(), nullptr, 10);
  params.drain_timeout = std::atof(option("drain", std::to_string(params.drain_timeout)).c_str());
  params.max_message_records =
      std::strtoul(option("records_per_message", std::to_string(params.max_message_records)).c_str(), nullptr, 10);
  const long calls = std::atol(option("calls", "-1").c_str());
  const std::string stop_file = option("stop_file", "");
  const auto interval = std::chrono::milliseconds(std::atol(option("interval_ms", "20").c_str()));

  phanos::Config config;
  config.job = argv[3];
  phanos::profiler().config(config);
  std::shared_ptr<phanos::Handler> handler;
  std::shared_ptr<phanos::AsyncImpProfHandler> async_handler;
  std::shared_ptr<phanos::ImpProfHandler> sync_handler;
  if (mode == "sync") {
    handler = sync_handler = std::make_shared<phanos::ImpProfHandler>("rabbit", params);
  } else {
    handler = async_handler = std::make_shared<phanos::AsyncImpProfHandler>("rabbit", params);
  }
  phanos::profiler().add_handler(handler);

  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  Clock::duration longest{}, total{};
  long done = 0;
  int checksum = 0;
  Worker worker;
  while (calls < 0 ? !exists(stop_file) : done < calls) {
    const auto before = Clock::now();
    checksum += worker.step(static_cast<int>(done));
    const auto took = Clock::now() - before;
    longest = std::max(longest, took);
    total += took;
    ++done;
    if (interval.count() > 0) std::this_thread::sleep_for(interval);
  }
  const auto micros = [](Clock::duration d) {
    return std::chrono::duration_cast<std::chrono::microseconds>(d).count();
  };
  const auto dropped = async_handler ? async_handler->dropped() : sync_handler->dropped();
  std::cout << "worker finished: " << done << " calls, checksum " << checksum << "\n"
            << "stats: calls=" << done << " max_call_us=" << micros(longest)
            << " mean_call_us=" << (done ? micros(total) / done : 0)
            << " run_s=" << micros(Clock::now() - started) / 1e6 << " dropped_before_exit=" << dropped << std::endl;
  // The asynchronous handler's queue is drained at exit, within `drain`.
  return 3;
}
