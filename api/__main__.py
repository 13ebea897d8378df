from api.cli import main

# Guarded: child processes (multiprocessing's fork server) import the main module.
if __name__ == "__main__":
    main()
