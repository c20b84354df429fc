#pragma once

#include "protocol/ProtocolError.h"

#include <utility>
#include <variant>

namespace Inkwell {

// Either a value or the ProtocolError that prevented it (std::expected is C++23).
template <typename T>
class ProtocolResult
{
public:
    ProtocolResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    ProtocolResult(ProtocolError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool isOk() const { return m_data.index() == 0; }
    explicit operator bool() const { return isOk(); }

    // Only when isOk().
    const T& value() const& { return std::get<0>(m_data); }
    // By value, so that `for (auto& x : f().value())` does not dangle.
    T value() && { return std::get<0>(std::move(m_data)); }
    const T* operator->() const { return &std::get<0>(m_data); }

    // Only when !isOk().
    const ProtocolError& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, ProtocolError> m_data;
};

} // namespace Inkwell
