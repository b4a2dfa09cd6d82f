package app

// Preference keys, read with ...WithFallback so a fresh install has sane values.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefSplitLeft    = "split.left"  // sidebar | rest
	prefSplitRight   = "split.right" // reader | notes
	prefHideSidebar  = "view.hideSidebar"
	prefHideNotes    = "view.hideNotes"
	prefTheme        = "view.theme" // themeSystem, themeLight or themeDark
	prefTextSize     = "reader.textSize"
	prefLastArticle  = "reader.lastArticle"
	prefLastFolder   = "import.lastFolder"
	prefReadingWidth = "reader.width"
	prefDefaultColor = "highlight.defaultColor" // palette index for Ctrl+H
	// PrefLibrary is where earlier versions kept the library opened with
	// Preferences → Open another library; main moves it to the settings
	// file (app/appdirs) that the window and the command line both read.
	PrefLibrary = "library.path"
)
