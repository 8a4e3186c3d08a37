// The C++ side of the CMake package test: mitch.hpp through mitch::cxx.
#include <cstdio>

#include <mitch.hpp>

int main() {
  mitch::trade t{mitch::resolve_ticker("EURUSD").ticker_id, 1.0875, 100, 1, mitch::side::buy};
  mitch::trade back = mitch::decode<mitch::trade>(mitch::encode(t));
  std::printf("c++: libmitch %.*s, trade %u at %.4f\n", static_cast<int>(mitch::library_version().size()),
              mitch::library_version().data(), back.trade_id, back.price);
  return back.price == t.price ? 0 : 1;
}
