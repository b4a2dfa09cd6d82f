# Scholia — make run (install what is missing, build, open the app) and make test.
SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
GO      ?= go
TAGS    := sqlite_fts5
BIN     := scholia
# Debian/Ubuntu packages: cgo for SQLite, the X11/Wayland/OpenGL headers Fyne
# builds against, and Xvfb + xdotool + ImageMagick for the window tests.
BUILD_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
              libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev \
              libxkbcommon-dev
TEST_PKGS  := xvfb xauth xdotool imagemagick
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build test bench fuzz deps test-deps vet clean

run: build
	./$(BIN)

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) .

# Installs only what is missing; apt-get update runs once, and only then.
deps:
	@missing=""; for p in $(BUILD_PKGS) $(EXTRA_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@command -v $(GO) >/dev/null || { echo "Go is not installed: install Go 1.26 (https://go.dev/dl) or 'apt-get install golang-go' (Go ≥ 1.21 fetches the right toolchain itself)"; exit 1; }

test-deps:
	@$(MAKE) --no-print-directory deps EXTRA_PKGS="$(TEST_PKGS)"

vet:
	$(GO) vet -tags $(TAGS) ./...

test: test-deps vet
	$(GO) test -tags $(TAGS) -count=1 ./...

# The performance figures of PRODUCT.md; see README for the latest run.
bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -timeout 60m ./... | tee bench.out

# Every Fuzz target in turn, FUZZTIME each (make test runs their seed corpora).
FUZZTIME ?= 60s
fuzz: deps
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -tags $(TAGS) -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f ($(FUZZTIME))"; \
	    $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; done

clean:
	rm -f $(BIN) bench.out
