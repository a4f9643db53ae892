// A header of the library files mode instruments: nothing here knows phanos.
#pragma once

#include <cmath>
#include <vector>

namespace geometry {

class Polygon {
 public:
  void add(double x, double y) { points_.push_back({x, y}); }
  std::size_t size() const { return points_.size(); }

  double perimeter() const {
    double total = 0;
    for (std::size_t i = 0; i < points_.size(); ++i) total += side(i);
    return total;
  }

  template <class Scale>
  double scaled_perimeter(Scale scale) const {
    double total = perimeter();
    return scale(total);
  }

 private:
  struct Point {
    double x, y;
  };

  double side(std::size_t i) const {
    const Point& a = points_[i];
    const Point& b = points_[(i + 1) % points_.size()];
    return std::hypot(b.x - a.x, b.y - a.y);
  }

  std::vector<Point> points_;
};

double area(const Polygon& polygon);

}  // namespace geometry
