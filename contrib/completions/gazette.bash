# bash completion for gazette
_gazette() {
	local cur prev cmds
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmds="refresh parse search list import export add render show reindex"
	case $prev in
	-u|-c|-d|import|parse|render) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	refresh) COMPREPLY=($(compgen -W "--quiet --jobs --force" -- "$cur")); return ;;
	search) COMPREPLY=($(compgen -W "--json --limit" -- "$cur")); return ;;
	list) COMPREPLY=($(compgen -W "--unread --feed --json" -- "$cur")); return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "-u -c -d --demo --help --version" -- "$cur"))
	else
		COMPREPLY=($(compgen -W "$cmds" -- "$cur"))
	fi
}
complete -F _gazette gazette
