"""The knowledge files (guidance, interview plan, RFP sections) as the resource package procure_knowledge."""
