#error "Layering: this target must not use Poco (see DESIGN.md section 2)"
