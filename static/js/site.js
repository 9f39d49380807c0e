/* Site-wide progressive enhancement. Nothing needs it yet: the header, navigation, search and
   language switcher work with HTML and CSS alone (features have their own scripts, e.g.
   video-preview.js). Keep it that way: anything added here must be optional. */
