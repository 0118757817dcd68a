"""procure: choose a contact-centre outsourcing vendor with cited answers."""

__version__ = "0.1.0"
