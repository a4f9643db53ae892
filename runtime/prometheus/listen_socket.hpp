#pragma once
// A non-blocking TCP socket listening on HOST:PORT.

#include <string>

namespace phanos::prometheus {

// The socket, or -1 with the reason in `error` ("cannot listen on
// HOST:PORT: ..."). Port 0: one the system picks.
int listen_on(const std::string& host, int port, std::string& error);

// The port a socket is bound to.
int bound_port(int socket);

}  // namespace phanos::prometheus
