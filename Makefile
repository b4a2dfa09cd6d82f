# Scholia — make run (install what is missing, build, open the app) and make test.
SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
GO      ?= go
TAGS    := sqlite_fts5
BIN     := scholia
# Debian/Ubuntu packages: cgo for SQLite, the X11/Wayland/OpenGL headers Fyne
# builds against, Xvfb + xdotool + ImageMagick for the window tests, and
# zsh + fish to check the completion scripts (appstream and desktop-file-utils:
# see package-test).
BUILD_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
              libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev \
              libxkbcommon-dev
TEST_PKGS  := xvfb xauth xdotool imagemagick appstream desktop-file-utils zsh fish
# make bench-e2e's anchors: fzf --filter and the sqlite3 CLI.
BENCH_PKGS := fzf sqlite3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build test race bench bench-e2e fuzz e2e deps test-deps vet clean package package-test install install-bundle uninstall

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

# Ends with a summary line (tests run, skipped and why, by .ci/testsummary.go)
# and fails when a test skipped other than for needing ../shared. The bundle
# checks (TestPackage*) belong to make package-test.
test: test-deps vet
	set -o pipefail; $(GO) test -tags $(TAGS) -count=1 -json -skip '^TestPackage' ./... | $(GO) run .ci/testsummary.go

# The race detector over every package (slow to build the first time).
race: test-deps
	$(GO) test -tags $(TAGS) -race -count=1 ./...

# The performance figures of PRODUCT.md, as one table (bench.md); the
# README shows the latest run. The 10k/100k libraries are generated once
# and cached in the user cache folder. One package at a time (-p 1): two
# benchmark binaries sharing the cores would each measure the other.
bench: deps
	set -o pipefail; $(GO) test -tags $(TAGS) -p 1 -run '^$$' -bench . -timeout 60m ./... | tee bench.out
	$(GO) run .ci/benchtable.go < bench.out | tee bench.md

# Whole-process figures at 100k articles (find, list, export, launch,
# memory), each next to its anchor (fzf, sqlite3, a minimal Fyne window),
# interleaved; ROUNDS=5 by default, BASE=old-binary adds "before" rows.
bench-e2e: deps
	@$(MAKE) --no-print-directory deps EXTRA_PKGS="$(TEST_PKGS) $(BENCH_PKGS)"
	set -o pipefail; bash .ci/bench-e2e.sh | tee bench-e2e.md

# Every Fuzz target in turn, FUZZTIME each (make test runs their seed corpora).
FUZZTIME ?= 60s
fuzz: deps
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -tags $(TAGS) -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f ($(FUZZTIME))"; \
	    $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s $$pkg || exit 1; \
	  done; done

# The real binary under Xvfb driven by xdotool (also part of make test);
# screenshots land in e2e/testdata/out/.
e2e: test-deps
	$(GO) test -tags $(TAGS) -count=1 -v ./e2e

# A Linux desktop bundle (binary, .desktop entry, icon, AppStream
# metainfo) made by Fyne's packaging tool, pinned in go.mod as a tool
# dependency; it reads the name, ID, version, categories and Exec
# parameters from FyneApp.toml. Its packager has no MimeType field, so the
# entry gets its MimeType= line here, and the metainfo file goes in beside
# it (also into the bundle's own Makefile's install and uninstall).
PKG      := dist/Scholia.tar.xz
APP_ID   := org.scholia.Scholia
MIME     := text/plain;text/markdown;text/html;application/pdf;application/epub+zip;x-scheme-handler/scholia;
METAINFO := packaging/$(APP_ID).metainfo.xml
package: deps
	$(GO) tool fyne package -os linux --tags $(TAGS) --release
	rm -rf dist/tree && mkdir -p dist/tree && tar -xJf Scholia.tar.xz -C dist/tree && rm Scholia.tar.xz
	share=$$(dirname $$(find dist/tree/usr -type d -name applications)); \
	sed -i -e '/^Categories=/a MimeType=$(MIME)' $$share/applications/$(APP_ID).desktop && \
	install -Dm644 $(METAINFO) $$share/metainfo/$(APP_ID).metainfo.xml && \
	rel=$${share#dist/tree/} && \
	sed -i -e "/^install:/a \\\tinstall -Dm00644 $$rel/metainfo/\$$(AppID).metainfo.xml \$$(DESTDIR)\$$(PREFIX)/share/metainfo/\$$(AppID).metainfo.xml" \
	       -e "/^uninstall:/a \\\t-rm \$$(DESTDIR)\$$(PREFIX)/share/metainfo/\$$(AppID).metainfo.xml" dist/tree/Makefile
	tar -cJf $(PKG) -C dist/tree usr Makefile
	rm -rf dist/tree
	@echo "made $(PKG)"

# Checks the bundle: the binary runs, the icon, the .desktop entry's
# fields (desktop-file-validate), the metainfo (appstreamcli validate), and
# that install-bundle then uninstall into a scratch HOME leave nothing.
package-test: test-deps package
	SCHOLIA_PACKAGE=$(CURDIR)/$(PKG) $(GO) test -tags $(TAGS) -count=1 -run TestPackage .

# Installs for the current user under ~/.local: the binary, icon, desktop
# entry (its MimeType= registers the file types and the scholia:// scheme,
# through update-desktop-database's cache) and the metainfo file;
# uninstall removes exactly these four files and refreshes the cache.
LOCAL_BIN  := $(HOME)/.local/bin/scholia
LOCAL_APPS := $(HOME)/.local/share/applications
LOCAL_DESK := $(LOCAL_APPS)/$(APP_ID).desktop
LOCAL_ICON := $(HOME)/.local/share/icons/hicolor/512x512/apps/$(APP_ID).png
LOCAL_META := $(HOME)/.local/share/metainfo/$(APP_ID).metainfo.xml
install: package install-bundle

# install without rebuilding the bundle.
install-bundle:
	rm -rf dist/pkg && mkdir -p dist/pkg && tar -xJf $(PKG) -C dist/pkg
	install -Dm755 dist/pkg/usr/local/bin/scholia $(LOCAL_BIN)
	install -Dm644 dist/pkg/usr/local/share/pixmaps/$(APP_ID).png $(LOCAL_ICON)
	install -Dm644 dist/pkg/usr/local/share/applications/$(APP_ID).desktop $(LOCAL_DESK)
	install -Dm644 dist/pkg/usr/local/share/metainfo/$(APP_ID).metainfo.xml $(LOCAL_META)
	sed -i -e 's,^Exec=scholia,Exec=$(LOCAL_BIN),' $(LOCAL_DESK)
	rm -rf dist/pkg
	-update-desktop-database $(LOCAL_APPS) 2>/dev/null
	@echo "installed $(LOCAL_BIN), $(LOCAL_DESK), $(LOCAL_ICON), $(LOCAL_META)"

uninstall:
	rm -f $(LOCAL_BIN) $(LOCAL_DESK) $(LOCAL_ICON) $(LOCAL_META)
	-[ -d $(LOCAL_APPS) ] && update-desktop-database $(LOCAL_APPS) 2>/dev/null

clean:
	rm -rf $(BIN) bench.out bench.md bench-e2e.md dist e2e/testdata/out
