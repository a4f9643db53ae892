#include "tcp_connect.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace phanos::detail {
namespace {

using Clock = std::chrono::steady_clock;

// Connects one address before `deadline`; returns the socket or sets `error`.
int connect_one(const addrinfo& address, Clock::time_point deadline, std::string& error) {
  const int fd = ::socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, address.ai_protocol);
  if (fd < 0) {
    error = std::strerror(errno);
    return -1;
  }
  int status = ::connect(fd, address.ai_addr, address.ai_addrlen) == 0 ? 0 : errno;
  if (status == EINPROGRESS) {
    pollfd waiting{fd, POLLOUT, 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    const int ready = ::poll(&waiting, 1, static_cast<int>(std::max<long long>(0, left)));
    socklen_t length = sizeof status;
    if (ready == 0) {
      status = ETIMEDOUT;
    } else if (ready < 0) {
      status = errno;
    } else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &status, &length) != 0) {
      status = errno;
    }
  }
  if (status != 0) {
    error = std::strerror(status);
    ::close(fd);
    return -1;
  }
  const int one = 1;  // small messages: send each at once
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

}  // namespace

std::variant<int, std::string> tcp_connect(const std::string& host, int port, std::chrono::duration<double> timeout) {
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(timeout);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int status = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); status != 0)
    return std::string("cannot resolve host: ") + ::gai_strerror(status);
  const std::unique_ptr<addrinfo, void (*)(addrinfo*)> addresses(found, ::freeaddrinfo);
  std::string error = "no address";
  for (const addrinfo* address = found; address; address = address->ai_next) {
    if (const int fd = connect_one(*address, deadline, error); fd >= 0) return fd;
  }
  return error;
}

}  // namespace phanos::detail
