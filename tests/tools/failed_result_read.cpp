// Built without NDEBUG: reading the value of a failed Result must stop the
// program (status.h). CTest expects it to abort.
#include "core/status.h"

int main() {
  fieldnotes::core::Result<int> failed = fieldnotes::core::Status::NotFound("nothing here");
  return failed.value();  // aborts before returning
}
