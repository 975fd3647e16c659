from sidelines.cli import main

main()
