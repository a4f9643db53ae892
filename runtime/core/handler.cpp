#include "phanos/handler.hpp"

namespace phanos {

Handler::Handler(std::string handler_name) : handler_name_(std::move(handler_name)) {}

Handler::~Handler() = default;

const std::string& Handler::handler_name() const noexcept { return handler_name_; }

}  // namespace phanos
