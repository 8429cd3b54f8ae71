"""book.exercises.facilitator"""
