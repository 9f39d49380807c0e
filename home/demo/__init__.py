"""The demo site that `manage.py load_demo_content` builds from the network's former pages."""
