"""book.exercises.live"""
